/** The generic detectors, by name. Each is a retext plugin with one job. */
import retextActorPronoun from './actor-pronoun.js'
import retextArticleFirstMention from './article-first-mention.js'
import retextArticleNumber from './article-number.js'
import retextCommaBeforeThat from './comma-before-that.js'
import retextConditionalWill from './conditional-will.js'
import retextCountryArticle from './country-article.js'
import retextCountryGenitive from './country-genitive.js'
import retextDemonymSide from './demonym-side.js'
import retextEntityNames from './entity-names.js'
import retextGenericPlural from './generic-plural.js'
import retextHyphenDash from './hyphen-dash.js'
import retextInvertedSubject from './inverted-subject.js'
import retextMidsentenceCapital from './midsentence-capital.js'
import retextNameCase from './name-case.js'
import retextNameConsistency from './name-consistency.js'
import retextOfficeTitle from './office-title.js'
import retextOneOfThe from './one-of-the.js'
import retextPerfectSince from './perfect-since.js'
import retextPerfectiveGerund from './perfective-gerund.js'
import retextPunctuation from './punctuation.js'
import retextQuotePunctuation from './quote-punctuation.js'
import retextRelativeWho from './relative-who.js'
import retextRepeatedWords from './repeated-words.js'
import retextRussianTypography from './russian-typography.js'
import retextSequenceOfTenses from './sequence-of-tenses.js'
import retextUntranslated from './untranslated.js'
import retextVariantConsistency from './variant-consistency.js'

export const DETECTORS = {
  'entity-names': retextEntityNames,
  'name-case': retextNameCase,
  untranslated: retextUntranslated,
  'repeated-words': retextRepeatedWords,
  punctuation: retextPunctuation,
  'quote-punctuation': retextQuotePunctuation,
  'russian-typography': retextRussianTypography,
  'hyphen-dash': retextHyphenDash,
  'midsentence-capital': retextMidsentenceCapital,
  'article-number': retextArticleNumber,
  'one-of-the': retextOneOfThe,
  'actor-pronoun': retextActorPronoun,
  'country-genitive': retextCountryGenitive,
  'office-title': retextOfficeTitle,
  'country-article': retextCountryArticle,
  'demonym-side': retextDemonymSide,
  'comma-before-that': retextCommaBeforeThat,
  'inverted-subject': retextInvertedSubject,
  'perfect-since': retextPerfectSince,
  'conditional-will': retextConditionalWill,
  'sequence-of-tenses': retextSequenceOfTenses,
  'perfective-gerund': retextPerfectiveGerund,
  'relative-who': retextRelativeWho,
  'generic-plural': retextGenericPlural,
  'article-first-mention': retextArticleFirstMention,
  'variant-consistency': retextVariantConsistency,
  // Last: it skips names the detectors before it already reported.
  'name-consistency': retextNameConsistency,
} as const

export type DetectorName = keyof typeof DETECTORS
export const DETECTOR_NAMES = Object.keys(DETECTORS) as DetectorName[]

export {
  retextActorPronoun,
  retextArticleFirstMention,
  retextArticleNumber,
  retextCommaBeforeThat,
  retextConditionalWill,
  retextCountryArticle,
  retextCountryGenitive,
  retextDemonymSide,
  retextEntityNames,
  retextGenericPlural,
  retextHyphenDash,
  retextInvertedSubject,
  retextMidsentenceCapital,
  retextNameCase,
  retextNameConsistency,
  retextOfficeTitle,
  retextOneOfThe,
  retextPerfectSince,
  retextPerfectiveGerund,
  retextPunctuation,
  retextQuotePunctuation,
  retextRelativeWho,
  retextRepeatedWords,
  retextRussianTypography,
  retextSequenceOfTenses,
  retextUntranslated,
  retextVariantConsistency,
}
