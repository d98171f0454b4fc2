import {describe, expect, it} from 'vitest'
import {withRules} from '../helpers.js'

const anonymity = withRules(`
rules:
  - id: condition-of-anonymity
    message: Calque.
    category: accuracy/mistranslation
    level: error
    apply: auto
    match: [on the state of anonymity, "[about|under] the state of anonymity"]
    replace: on the condition of anonymity
`)

describe('literal phrases on tokens', () => {
  it('match case-insensitively and report offsets, actual and expected', () => {
    const text = 'They spoke ON THE STATE OF ANONYMITY.'
    const [finding] = anonymity.check(text).findings
    expect(finding).toMatchObject({source: 'test', ruleId: 'condition-of-anonymity', category: 'accuracy/mistranslation', level: 'error', apply: 'auto'})
    expect(text.slice(finding.start.offset, finding.end.offset)).toBe('ON THE STATE OF ANONYMITY')
    expect(finding.expected).toEqual(['ON THE CONDITION OF ANONYMITY'])
    expect(finding.start).toEqual({line: 1, column: 12, offset: 11})
  })

  it('match across a line break', () => {
    const text = 'They spoke on the state\nof anonymity.'
    const [finding] = anonymity.check(text).findings
    expect(finding.end).toMatchObject({line: 2, column: 13})
    expect(anonymity.fix(text).output).toBe('They spoke on the condition of anonymity.')
  })

  it('do not match part of a longer word or another phrase', () => {
    expect(anonymity.check('They spoke on the statehood of anonymity.').findings).toEqual([])
    expect(anonymity.check('on the state of anonymous users').findings).toEqual([])
  })
})

describe('apostrophes and quotes', () => {
  const gaza = withRules(`
rules:
  - id: gaza
    message: x
    match: "the Gaza's belt"
    replace: the Gaza Strip
`)
  it('treat curly and straight apostrophes alike, in patterns and text', () => {
    expect(gaza.fix("held in the Gaza's belt", {apply: 'review'}).output).toBe('held in the Gaza Strip')
    expect(gaza.fix('held in the Gaza’s belt', {apply: 'review'}).output).toBe('held in the Gaza Strip')
  })
})

describe('pattern operators', () => {
  const rules = withRules(`
rules:
  - id: optional
    message: x
    match: "the? weekly truce"
    replace: weeklong truce
  - id: wildcard
    message: x
    match: "lively *{0,2} hostage"
    replace: living $2 hostage
  - id: lemma
    message: x
    match: "<refer> to social media"
    replace: <take> to social media
  - id: klass
    message: x
    match: "contribution to @Cap reporting"
    replace: contributed reporting from $3
  - id: token-regex
    message: x
    match: "politics of /[a-z]+ing/"
    replace: policy of $3
`)
  const fixed = (text: string) => rules.fix(text, {apply: 'review'}).output
  it('optional elements', () => {
    expect(fixed('a weekly truce')).toBe('a weeklong truce')
    expect(fixed('during the weekly truce')).toBe('during weeklong truce')
  })
  it('wildcards capture what they cover', () => {
    expect(fixed('a lively American Israeli hostage')).toBe('a living American Israeli hostage')
    expect(fixed('a lively hostage')).toBe('a living hostage')
  })
  it('word forms match and re-inflect', () => {
    expect(fixed('He referred to social media.')).toBe('He took to social media.')
    expect(fixed('She refers to social media.')).toBe('She takes to social media.')
    expect(fixed('They were referring to social media.')).toBe('They were taking to social media.')
    expect(fixed('Refers to social media, she said.')).toBe('Takes to social media, she said.')
  })
  it('word forms do not match a name: a capital inside a sentence', () => {
    expect(fixed('The Refers to social media campaign started.')).toBe('The Refers to social media campaign started.')
  })
  it('token classes', () => {
    expect(fixed('Ed Wong contribution to Washington reporting.')).toBe('Ed Wong contributed reporting from Washington.')
    expect(fixed('contribution to local reporting')).toBe('contribution to local reporting')
  })
  it('per-token regexes', () => {
    expect(fixed('the politics of refusing talks')).toBe('the policy of refusing talks')
    expect(fixed('the politics of Washington')).toBe('the politics of Washington')
  })
})

describe('token classes', () => {
  // One rule of the shape "the NOUN of name=@Cap" that a token class in `unless` keeps off some names.
  const fixerLeavingOut = (noun: string, kept: string, replace: string) => {
    const rules = withRules(`
rules:
  - id: ${noun}-of-a-name
    message: x
    caseSensitive: true
    match: "the ${noun} of name=@Cap"
    unless: {match: "the ${noun} of ${kept}"}
    replace: ${replace}
`)
    return (text: string) => rules.fix(text, {apply: 'review'}).output
  }
  it('@country takes a country named in one word, so a rule can leave it out', () => {
    const fixed = fixerLeavingOut('court', '@country', 'the $name court')
    expect(fixed('the court of Paris ruled')).toBe('the Paris court ruled')
    expect(fixed('the court of Spain ruled')).toBe('the court of Spain ruled')
    expect(fixed('the court of Britain ruled')).toBe('the court of Britain ruled')
  })
  it('@demonym takes a people\'s adjective, from the country data and beyond it', () => {
    const fixed = fixerLeavingOut('victory', '@demonym', "$name's victory")
    expect(fixed('He hailed the victory of Milei.')).toBe("He hailed Milei's victory.")
    expect(fixed('He hailed the victory of French troops.')).toBe('He hailed the victory of French troops.')
    expect(fixed('He hailed the victory of Israeli forces.')).toBe('He hailed the victory of Israeli forces.')
    expect(fixed('He hailed the victory of Kurdish fighters.')).toBe('He hailed the victory of Kurdish fighters.')
  })
})

describe('context conditions', () => {
  const rules = withRules(`
rules:
  - id: institution
    message: x
    match: "[to|by] State Department"
    unless: {after: ["[officials|spokesman]", "@Cap"]}
    replace: $1 the State Department
  - id: nominee
    message: x
    match: candidate to be a?
    before: "/\\\\S+['’]s/"
    replace: nominee for
  - id: congress
    message: x
    match: the Congress
    caseSensitive: true
    unless: {after: "of", match: "Congress party"}
    replace: Congress
  - id: title-before-name
    message: x
    match: the minister of finance
    after: "/^\\\\s+\\\\p{Lu}\\\\p{Ll}+\\\\s+\\\\p{Lu}/u"
    replace: Finance Minister
  - id: before-a-date
    message: x
    match: in the year
    after: "/^\\\\s+(?:of|[0-9]+)/"
    replace: in
`)
  const fixed = (text: string) => rules.fix(text, {apply: 'review'}).output
  it('unless.after suppresses', () => {
    expect(fixed('questions went to State Department.')).toBe('questions went to the State Department.')
    expect(fixed('questions went to State Department officials.')).toBe('questions went to State Department officials.')
  })
  it('a required before context (regex) must hold', () => {
    expect(fixed('Trump’s candidate to be a special envoy')).toBe('Trump’s nominee for special envoy')
    expect(fixed('She is a candidate to be a judge')).toBe('She is a candidate to be a judge')
  })
  it('a regex context that names a letter case keeps it; one that does not matches any case', () => {
    expect(fixed('He met the Minister of Finance Bill Hart.')).toBe('He met Finance Minister Bill Hart.')
    expect(fixed('He became the minister of finance in February last year.')).toBe('He became the minister of finance in February last year.')
    expect(fixed('It fell in the year OF the crash.')).toBe('It fell in OF the crash.')
  })
  it('antipatterns suppress overlapping matches; case-sensitive rules ignore other cases', () => {
    expect(fixed('an address to the Congress')).toBe('an address to Congress')
    expect(fixed('the Congress of Vienna')).toBe('the Congress of Vienna')
    expect(fixed('the Congress party won')).toBe('the Congress party won')
    expect(fixed('the congress of surgeons')).toBe('the congress of surgeons')
  })
})

describe('a rule never restates what is there', () => {
  const rules = withRules(`
rules:
  - id: strip
    message: x
    match: Gaza
    replace: Gaza Strip
  - id: us
    message: x
    match: US
    caseSensitive: true
    apply: auto
    replace: U.S.
`)
  it('"Gaza Strip" does not become "Gaza Strip Strip"', () => {
    expect(rules.check('in the Gaza Strip today').findings).toEqual([])
    expect(rules.fix('in Gaza today', {apply: 'review'}).output).toBe('in Gaza Strip today')
  })
  it('fixing twice equals fixing once', () => {
    const once = rules.fix('US officials in Gaza', {apply: 'review'}).output
    expect(once).toBe('U.S. officials in Gaza Strip')
    expect(rules.fix(once, {apply: 'review'}).output).toBe(once)
  })
})

describe('swap and regex rules', () => {
  const rules = withRules(`
rules:
  - id: countries
    message: x
    caseSensitive: true
    swap:
      Kanada: Canada
      "[Meksika|Meksiko]": Mexico
  - id: percent
    message: x
    regex: "(\\\\d) %"
    replace: "$1%"
`)
  it('each swap pattern has its own replacement', () => {
    expect(rules.fix('Kanada and Meksika', {apply: 'review'}).output).toBe('Canada and Mexico')
  })
  it('on one span, the swap pair listed first wins, however the patterns are stored', () => {
    // The first pair spells 4 × 3 × 2 × 3 = 72 sequences (stored as a graph), the second one.
    const overlapping = withRules(`
rules:
  - id: enter
    message: x
    swap:
      "[penetrate|penetrated|penetrates|penetrating] [inside|into|in] the? [building|house|hall]": enter the building
      "penetrated into the building": broke into the building
`)
    expect(overlapping.fix('They penetrated into the building.', {apply: 'review'}).output).toBe('They enter the building.')
  })
  it('regex rules replace with groups', () => {
    expect(rules.fix('up 5 % today', {apply: 'review'}).output).toBe('up 5% today')
  })
})

describe('regex rules over paragraphs', () => {
  // Each pair: a regex that cannot cross a line break (run once over the whole text) and one that
  // can (run paragraph by paragraph); both must report the same spans on every text.
  const rules = withRules(`
rules:
  - id: doubled-word-line-bound
    message: x
    regex: "\\\\b([a-z]+) \\\\1\\\\b"
    replace: "$1"
  - id: doubled-word-any-space
    message: x
    regex: "\\\\b([a-z]+)\\\\s+\\\\1\\\\b"
    replace: "$1"
  - id: no-space-before
    message: x
    regex: "(?<! )per cent"
    replace: percent
  - id: no-space-or-tab-before
    message: x
    regex: "(?<![ \\\\t])per cent"
    replace: percent
  - id: two-spaces
    message: x
    regex: " {2}"
    replace: " "
  # The words of the first let it search only the paragraphs holding them; its twin's \\s keeps it
  # out of that and runs over every paragraph.
  - id: gated
    message: x
    regex: "\\\\b([Mm]ayor|[Ss]enator)-(woman|man) ([A-Z][a-z]+)"
    replace: "$1 $3"
  - id: ungated
    message: x
    regex: "\\\\b([Mm]ayor|[Ss]enator)-(woman|man)\\\\s([A-Z][a-z]+)"
    replace: "$1 $3"
`)
  const spans = (text: string, ruleId: string) =>
    rules
      .check(text)
      .findings.filter((finding) => finding.ruleId === ruleId)
      .map((finding) => text.slice(finding.start.offset, finding.end.offset) + '@' + finding.start.offset)

  it('find a match in every paragraph, at its offset in the whole text', () => {
    const text = 'It rose by by two.\n\nIt fell the the next day.\nThen rose and and fell.\n'
    expect(spans(text, 'doubled-word-line-bound')).toEqual(['by by@8', 'the the@28', 'and and@56'])
    expect(spans(text, 'doubled-word-any-space')).toEqual(spans(text, 'doubled-word-line-bound'))
  })

  it('never join the last word of one paragraph to the first of the next', () => {
    const text = 'We voted no\n\nno one came.'
    expect(spans(text, 'doubled-word-line-bound')).toEqual([])
    expect(spans(text, 'doubled-word-any-space')).toEqual([])
  })

  it('see a paragraph as it stands when spaces sit at its edges', () => {
    // "per cent" opens the second paragraph: nothing precedes it there, though spaces do in the text.
    const text = 'Rates rose.  \n\n  per cent was up.'
    expect(spans(text, 'no-space-before')).toEqual(['per cent@17'])
    expect(spans(text, 'no-space-or-tab-before')).toEqual(spans(text, 'no-space-before'))
  })

  it('report nothing between paragraphs', () => {
    expect(spans('Rates rose.\n  \nper  cent was up.', 'two-spaces')).toEqual(['  @18'])
  })

  it('find a match in each of a few paragraphs among many, inside hyphenated and quoted words too', () => {
    const filler = Array.from({length: 40}, (_, i) => `Paragraph ${i} says nothing of note.`)
    filler.splice(3, 0, 'The mayor-woman Ann spoke.')
    filler.splice(17, 0, "An ex-senator-man Bob's aide and the MAYOR-man Cy left; the 'senator-woman Di' came.")
    filler.splice(35, 0, 'Senator-woman Eve did.')
    const text = filler.join('\n\n')
    const found = spans(text, 'gated')
    expect(found.map((span) => span.replace(/@\d+$/, ''))).toEqual(['mayor-woman Ann', 'senator-man Bob', 'senator-woman Di', 'Senator-woman Eve'])
    expect(found).toEqual(spans(text, 'ungated'))
  })
})

describe('apply policies', () => {
  const rules = withRules(`
rules:
  - id: safe
    message: x
    apply: auto
    match: Katar
    replace: Qatar
  - id: risky
    message: x
    apply: review
    match: expand the truce
    replace: extend the truce
  - id: flag
    message: x
    apply: never
    match: that labeled as
`)
  it('fix applies only auto unless asked; never rules are only reported', () => {
    const text = 'Katar hoped to expand the truce with groups that labeled as terrorists.'
    expect(rules.fix(text).output).toBe('Qatar hoped to expand the truce with groups that labeled as terrorists.')
    expect(rules.fix(text, {apply: 'review'}).output).toBe('Qatar hoped to extend the truce with groups that labeled as terrorists.')
    expect(rules.check(text).findings.find((f) => f.ruleId === 'flag')?.expected).toEqual([])
  })
})

describe('typography of replacements', () => {
  const rules = withRules(`
rules:
  - id: title
    message: x
    match: "the press secretary of Mr. @Cap"
    replace: Mr. $6's press secretary
`)
  it('capitalizes what replaces the first words after a dateline, and only there', () => {
    const atLeast = withRules(`
rules:
  - id: at-least
    message: x
    match: not less than
    replace: at least
`)
    const fixed = (text: string) => atLeast.fix(text, {apply: 'review'}).output
    expect(fixed('DHAKA — Not less than 16 people died.')).toBe('DHAKA — At least 16 people died.')
    expect(fixed("N'DJAMENA, Chad — Not less than 340 people died.")).toBe("N'DJAMENA, Chad — At least 340 people died.")
    expect(fixed('He said — not less than ten times — that it was over.')).toBe('He said — at least ten times — that it was over.')
  })
  it('follows the apostrophe the document uses', () => {
    expect(rules.fix('Trump’s aide, the press secretary of Mr. Trump, spoke.', {apply: 'review'}).output).toBe('Trump’s aide, Mr. Trump’s press secretary, spoke.')
    expect(rules.fix("Trump's aide, the press secretary of Mr. Trump, spoke.", {apply: 'review'}).output).toBe("Trump's aide, Mr. Trump's press secretary, spoke.")
  })

  it('follows the apostrophe the document uses most, counting only apostrophes between letters', () => {
    const mostlyStraight = "It's Gaza's day; 'quoted' ’ aside, Trump’s aide, the press secretary of Mr. Trump, won't speak."
    expect(rules.fix(mostlyStraight, {apply: 'review'}).output).toContain("Mr. Trump's press secretary")
    const mostlyCurly = "It’s ‘here’ and 'there' 'again' 'and again', the press secretary of Mr. Trump."
    expect(rules.fix(mostlyCurly, {apply: 'review'}).output).toContain('Mr. Trump’s press secretary')
  })
})

describe('document topic', () => {
  const rules = withRules(`
rules:
  - id: hostages
    message: x
    apply: auto
    match: prisoners
    before: living
    document: {mentions: "<hostage>", min: 2}
    replace: hostages
`)
  const line = 'About 24 living prisoners remain.'

  it('fires only where the document mentions its topic often enough', () => {
    expect(rules.check(line).findings).toEqual([])
    expect(rules.check(`A hostage spoke. ${line}`).findings).toEqual([])
    expect(rules.fix(`A hostage spoke.\n\nTwo hostages were freed. ${line}`).output).toBe(
      'A hostage spoke.\n\nTwo hostages were freed. About 24 living hostages remain.',
    )
  })

  it('counts each rule its own topic', () => {
    const two = withRules(`
rules:
  - id: hostages
    message: x
    match: prisoners
    document: {mentions: "<hostage>", min: 2}
    replace: hostages
  - id: storm
    message: x
    match: the element
    document: {mentions: storm, min: 1}
    replace: the storm
`)
    const hostageStory = 'Two hostages and a hostage spoke. The prisoners waited. The element raged.'
    expect(two.check(hostageStory).findings.map((f) => f.ruleId)).toEqual(['hostages'])
    const stormStory = 'A storm hit. The prisoners waited. The element raged.'
    expect(two.check(stormStory).findings.map((f) => f.ruleId)).toEqual(['storm'])
  })

  it('counts mentions anywhere in the document, in every word form', () => {
    const text = `${line}\n\nThe HOSTAGES waited; one hostage was ill.`
    expect(rules.check(text).findings.map((f) => f.actual)).toEqual(['prisoners'])
  })
})

describe('literal tokenization', () => {
  it('cuts plain words at spaces exactly as the parser does, for every shipped literal and list name', async () => {
    const {loadRuleFile, shippedRuleFiles} = await import('../../src/rules/load.js')
    const {parsePattern, expandPattern} = await import('../../src/rules/pattern.js')
    const {tokenizeLiteral, parseLiteral} = await import('../../src/rules/compile.js')
    const {readShippedList} = await import('../../src/rules/load.js')
    const literals = new Set<string>()
    const collect = (text: string) => {
      literals.add(text)
      return tokenizeLiteral(text)
    }
    const patterns = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])
    for (const file of shippedRuleFiles())
      for (const rule of loadRuleFile(file).rules)
        for (const pattern of [...patterns(rule.match), ...Object.keys(rule.swap ?? {}), ...patterns(rule.before), ...patterns(rule.after), ...patterns(rule.unless?.before), ...patterns(rule.unless?.after)])
          if (!/^\/.*\/[a-z]*$/.test(pattern)) expandPattern(parsePattern(pattern), collect)
    const names = [
      ...readShippedList<{names: string[]}>('names.yml').names,
      ...readShippedList<{organizations: string[]}>('organizations.yml').organizations,
      ...readShippedList<{people: Array<{name: string}>}>('people.yml').people.map((person) => person.name),
      ...Object.values(readShippedList<{titles: Record<string, Record<string, string>>}>('titles.yml').titles).flatMap((table) => Object.keys(table)),
    ]
    const {createRequire} = await import('node:module')
    const countries = createRequire(import.meta.url)('world-countries/countries.json') as Array<{name: {common: string}}>
    const {loadGazetteer} = await import('../../src/entities/gazetteer.js')
    const places = loadGazetteer().data.entities.filter((entity) => entity.prominence >= 500_000).map((entity) => entity.name)
    for (const name of [...names, ...countries.map((country) => country.name.common), ...places]) literals.add(name)
    expect(literals.size).toBeGreaterThan(1000)
    for (const text of literals) expect(tokenizeLiteral(text), text).toEqual(parseLiteral(text))
  })
})
