// Names stored bilingually as "English (한국어)" (agencies and hospitals of the demo data and many imports) read
// Korean first on Korean screens (issue 13 item 8): "중부경찰서 (Jungbu Police Station)".
const BILINGUAL = /^(.+?)\s*\(([^()]*\p{Script=Hangul}[^()]*)\)\s*$/u;

export function localName(name: string, lang: string): string {
  if (lang !== 'ko') return name;
  const m = BILINGUAL.exec(name);
  return m ? `${m[2].trim()} (${m[1].trim()})` : name;
}
