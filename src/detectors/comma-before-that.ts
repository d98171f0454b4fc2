/**
 * A comma before "that" after a verb of saying (or its object), an adjective or a noun that takes a
 * clause: "He said, that the talks failed", "told reporters, that", "It is clear, that…", "expressed
 * the concern, that…". Russian punctuation requires the comma before «что»; English has none.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {report} from '../findings.js'
import {sentencesOf} from '../parse/tokens.js'
import {formsOf} from '../rules/inflect.js'
import {SAYING_VERBS} from './lexicon.js'

const SAYING_WORDS = new Set([...SAYING_VERBS].flatMap((lemma) => Object.values(formsOf(lemma))))
// Adjectives that take a "that" clause: "It is clear that…".
const THAT_ADJECTIVES = new Set(['clear', 'obvious', 'evident', 'known', 'likely', 'possible', 'important', 'sure', 'certain', 'aware', 'convinced', 'confident', 'glad', 'afraid', 'noteworthy', 'true', 'unclear', 'unlikely', 'worried', 'concerned', 'necessary', 'essential', 'significant', 'notable', 'plain', 'apparent'])
// Nouns that take one: "expressed concern that…", "the fact that…".
const THAT_NOUNS = new Set(['concern', 'concerns', 'fear', 'fears', 'hope', 'hopes', 'confidence', 'belief', 'conviction', 'assurance', 'assurances', 'fact', 'impression', 'opinion', 'suspicion', 'suspicions', 'certainty', 'expectation', 'expectations', 'confirmation', 'evidence', 'guarantee', 'guarantees'])
const TOLD_OBJECTS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'reporters', 'journalists', 'lawmakers', 'parliament', 'voters', 'investors', 'supporters'])
const takesThatClause = (word: string): boolean => SAYING_WORDS.has(word) || THAT_ADJECTIVES.has(word) || THAT_NOUNS.has(word)

export default function retextCommaBeforeThat() {
  return (tree: Root, file: VFile): undefined => {
    for (const {tokens} of sentencesOf(tree, file)) {
      for (let i = 1; i + 1 < tokens.length; i++) {
        const before = tokens[i - 1]
        const comma = tokens[i]
        const that = tokens[i + 1]
        if (comma.text !== ',' || that.norm !== 'that') continue
        // "told reporters, that …": the verb's object may stand between it and the comma.
        const toldSomeone = TOLD_OBJECTS.has(before.norm) && SAYING_WORDS.has(tokens[i - 2]?.norm ?? '')
        if (!takesThatClause(before.norm) && !toldSomeone) continue
        // "said, that is, …" introduces an aside; "How ironic, they say, that …" closes one.
        if (tokens[i + 2]?.norm === 'is' && tokens[i + 3]?.text === ',') continue
        // A participle clause is no aside: "…, adding, that", "…, having declared, that".
        const participle = before.norm.endsWith('ing') || tokens[i - 2]?.norm === 'having'
        // A comma just before the verb closes a clause the verb follows ("Flick, who …, declared, that"):
        // an aside has its own subject between the commas.
        // ", but declared, that" joins a second verb to the subject: no aside.
        const joinedVerb = /^(and|but|yet|or)$/.test(tokens[i - 2]?.norm ?? '')
        // "criticized the fact, that": a noun that takes the clause, after its article, is no aside's
        // end ("I believe, with abiding conviction, that" is one).
        const nounBefore = THAT_NOUNS.has(before.norm) && /^(the|this|his|her|their|its|our)$/.test(tokens[i - 2]?.norm ?? '')
        if (!participle && !joinedVerb && !nounBefore && (tokens[i - 4]?.text === ',' || tokens[i - 3]?.text === ',')) continue
        report(file, {
          source: 'comma-before-that',
          ruleId: 'comma-before-that',
          reason: `Unexpected comma before \`that\` after \`${before.text}\`, expected none`,
          start: before.end,
          end: that.start,
          expected: [' '],
          category: 'punctuation',
          level: 'warning',
          apply: 'review',
        })
      }
    }
    return undefined
  }
}
