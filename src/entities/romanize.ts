/**
 * How machine translation spells a Russian name in Latin letters: several romanization schemes
 * (BGN/PCGN, a simplified one, an h/j one close to what MT engines emit), applied to the name's
 * case forms (Доха → Дохи, Дохе, Доху), so that "Dohi", "Dokha" and "Katara" can be traced back.
 */

type Scheme = Record<string, string>

const BASE: Scheme = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}

/** The schemes, as overrides of BASE. */
const SCHEMES: Scheme[] = [
  {},
  // BGN/PCGN with apostrophes for the soft sign ("Netan'yakhu").
  {ь: "'"},
  // What MT engines and casual romanization emit: h for х, j for дж, i for й, ia/iu.
  {х: 'h', й: 'i', ю: 'iu', я: 'ia', ё: 'e'},
  // Scientific-ish: c for ц, j for й.
  {ц: 'c', й: 'j', х: 'h', ж: 'zh', ю: 'ju', я: 'ja'},
]

const VOWELS = 'аеёиоуыэюя'

function romanizeWith(word: string, scheme: Scheme): string {
  let out = ''
  const lower = word.toLowerCase()
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]
    if (char === 'д' && lower[i + 1] === 'ж' && scheme.х === 'h') {
      out += 'j'
      i++
      continue
    }
    // е is "ye" at the start of a word and after a vowel or a sign in BGN.
    if (char === 'е' && scheme === SCHEMES[1] && (i === 0 || VOWELS.includes(lower[i - 1]) || 'ьъ'.includes(lower[i - 1]))) {
      out += 'ye'
      continue
    }
    const mapped = scheme[char] ?? BASE[char]
    out += mapped ?? char
  }
  // Keep the capitals of the source word (first letter, and after a hyphen or space).
  return out.replace(/(^|[-\s])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase())
}

/** Every romanization of a Cyrillic word or phrase under the shipped schemes. */
export function romanizations(cyrillic: string): string[] {
  const variants = new Set<string>()
  for (const scheme of SCHEMES) variants.add(romanizeWith(cyrillic, {...BASE, ...scheme}))
  return [...variants]
}

const HUSHING = 'гкхжчшщ'

/**
 * The case forms of a Russian proper noun in the singular (nominative given). Only the last word
 * of a phrase declines here; adjectives before it are left as they are (good enough for the
 * romanized forms MT leaves: "Saudovskoy Aravii" is rare, "Dokhe" is common).
 */
export function russianCaseForms(name: string): string[] {
  const match = /^(.*?)([\p{L}]+)$/u.exec(name)
  if (!match) return [name]
  const [, head, word] = match
  const lower = word.toLowerCase()
  const last = lower[lower.length - 1]
  const stem = word.slice(0, -1)
  const forms = new Set<string>([word])
  if (last === 'а') {
    const genitive = HUSHING.includes(lower[lower.length - 2] ?? '') ? 'и' : 'ы'
    for (const ending of [genitive, 'е', 'у', 'ой']) forms.add(stem + ending)
  } else if (last === 'я') {
    const iya = lower.endsWith('ия')
    for (const ending of [iya ? 'и' : 'и', iya ? 'и' : 'е', 'ю', 'ей']) forms.add(stem + ending)
  } else if (last === 'ь') {
    for (const ending of ['я', 'ю', 'е', 'ем', 'и']) forms.add(stem + ending)
  } else if (last === 'й') {
    for (const ending of ['я', 'ю', 'е', 'ем']) forms.add(stem + ending)
  } else if (last === 'ы' || (last === 'и' && HUSHING.includes(lower[lower.length - 2] ?? ''))) {
    // A plural name (Карловы Вары, Химки, Мытищи): genitive without an ending, dative,
    // instrumental and prepositional plural.
    for (const ending of ['', 'ам', 'ами', 'ах']) forms.add(stem + ending)
  } else if (!VOWELS.includes(last)) {
    for (const ending of ['а', 'у', 'е', 'ом']) forms.add(word + ending)
  }
  return [...forms].map((form) => head + form)
}

/** Does the text contain Cyrillic letters? */
export function isCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text)
}

/**
 * A key under which a name and its transliterations collide: Qatar/Katar, Doha/Dokha/Dohi,
 * Canada/Kanada, Mexico/Meksika, Florida/Floridy. Letters MT romanization swaps are merged and
 * final vowels (where Russian case endings go) dropped.
 */
export function translitKey(name: string): string {
  let key = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`-]/g, '')
    .replace(/\s+/g, ' ')
  key = key
    .replace(/dzh|dj|zh|j/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/shch|sch/g, 'sh')
    .replace(/ck|q|c(?![h])/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ts|tz/g, 'c')
    .replace(/y/g, 'i')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/(.)\1+/g, '$1')
  return key.replace(/[aeiou]+$/, '') || key
}

/** Levenshtein distance: insertions, deletions and substitutions of single characters. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]
    previous[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return previous[b.length]
}
