/**
 * "will" in a condition or time clause, where English uses the present: Russian puts the future
 * there («если ХАМАС не примет» → "if Hamas will not accept"). English: "if Hamas does not
 * accept", "when the truce ends". Never after the words that ask an indirect question ("asked if
 * he will", "unclear when it will", "the question of when").
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf, type Token} from '../parse/tokens.js'
import {formsOf} from '../rules/inflect.js'
import {startsUpper, subjectIsPlural} from './lexicon.js'

const OPENERS = new Set(['if', 'unless', 'when', 'once', 'until', 'before', 'after'])
// These are prepositions too ("everything after the option will be"): only at a clause start.
const CLAUSE_START_ONLY = new Set(['once', 'until', 'before', 'after'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'any', 'no', 'both', 'all', 'each', 'every', 'such'])
// Words after which "if" or "when" asks an indirect question ("asked if he will", "unclear when it will").
const INDIRECT = new Set(['ask', 'asked', 'asks', 'asking', 'know', 'knew', 'known', 'knows', 'wonder', 'wondered', 'wonders', 'see', 'saw', 'seen', 'unclear', 'clear', 'sure', 'certain', 'uncertain', 'decide', 'decided', 'decides', 'determine', 'determined', 'check', 'checked', 'tell', 'told', 'tells', 'say', 'said', 'says', 'question', 'doubt', 'doubtful', 'whether', 'matter', 'matters', 'depend', 'depends', 'depending', 'show', 'shows', 'predict', 'predicted', 'guess', 'learn', 'learned', 'find', 'found', 'wait', 'waiting', 'about', 'on', 'of', 'over', 'to', 'idea', 'sign', 'indication', 'announce', 'announced', 'specify', 'specified', 'disclose', 'disclosed', 'explain', 'explained', 'confirm', 'confirmed', 'estimate', 'is', 'was'])
const SUBJECT_STOP = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'you', 'it', 'that', 'which', 'who'])
// Third-person pronouns: "if we will work together" is a will of wanting, not a future.
const THIRD_PERSON = new Set(['he', 'she', 'it', 'they', 'this', 'these', 'those', 'one', 'everyone', 'nobody', 'somebody', 'someone', 'anyone'])
// "the day when the oceans will supply": "when" after a time noun starts a relative clause.
const TIME_NOUNS = new Set(['day', 'days', 'time', 'times', 'moment', 'point', 'era', 'year', 'years', 'age', 'hour', 'stage', 'period', 'future', 'week', 'month', 'season', 'morning', 'night'])
const MAX_SUBJECT = 4


/** Not an indirect question: the word before is none of the verbs and words that ask one. */
function opensCondition(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1]
  return !before || before.kind !== 'word' || !INDIRECT.has(before.norm)
}

/**
 * A plain subject: a third-person pronoun, a name ("Hamas", "Mr. Trump"), or a determiner with one
 * or two lower-case words ("the talks", "the new government"). Anything else may hide a verb ("if
 * businesses know there will be").
 */
function isPlainSubject(subject: Token[]): boolean {
  if (subject.length === 1 && THIRD_PERSON.has(subject[0].norm)) return true
  if (subject.every((token) => startsUpper(token.text))) return true
  return DETERMINERS.has(subject[0].norm) && subject.length >= 2 && subject.length <= 3 && subject.slice(1).every((token) => token.text === token.norm)
}

export default function retextConditionalWill() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 0; i < tokens.length; i++) {
        if (!OPENERS.has(tokens[i].norm) || !opensCondition(tokens, i)) continue
        const before = tokens[i - 1]
        if (CLAUSE_START_ONLY.has(tokens[i].norm) && before && before.text !== ',' && before.text !== ';') continue
        if (tokens[i].norm === 'when' && before && TIME_NOUNS.has(before.norm)) continue
        // "if you will" is a polite request, not a future.
        let will = -1
        for (let k = i + 1; k <= i + MAX_SUBJECT + 1 && k < tokens.length; k++) {
          const token = tokens[k]
          if (token.norm === 'will') {
            will = k
            break
          }
          if (token.kind !== 'word' || SUBJECT_STOP.has(token.norm)) break
        }
        if (will <= i + 1) continue
        const subject = tokens.slice(i + 1, will)
        if (!isPlainSubject(subject)) continue
        const negated = tokens[will + 1]?.norm === 'not'
        const verbIndex = will + (negated ? 2 : 1)
        const verb = tokens[verbIndex]
        if (!verb || verb.kind !== 'word' || verb.text !== verb.norm) continue
        // The verb must be a base form: "be" and other bases whose forms the inflector knows.
        const forms = formsOf(verb.norm)
        if (forms.base !== verb.norm || verb.norm.endsWith('ed') || verb.norm.endsWith('ing')) continue
        const plural = subjectIsPlural(subject)
        // «пока ситуация не изменится»: Russian negates the verb after «пока»; English "until" does not
        // ("until the situation changes", not "does not change").
        const present = negated && tokens[i].norm !== 'until'
          ? `${verb.norm === 'be' ? (plural ? 'are' : 'is') : plural ? 'do' : 'does'} not${verb.norm === 'be' ? '' : ` ${verb.text}`}`
          : verb.norm === 'be'
            ? plural ? 'are' : 'is'
            : plural ? verb.text : forms.s
        const start = tokens[will].start
        report(file, {
          source: 'conditional-will',
          ruleId: 'will-in-condition',
          reason: `Unexpected \`${text.slice(start, verb.end)}\` after \`${tokens[i].text}\`, expected the present \`${present}\``,
          start,
          end: verb.end,
          expected: [present],
          category: 'grammar',
          level: 'suggestion',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
