// Readable, stable IRI slugs from names: lower-case ASCII letters and digits joined by single hyphens.

/** `Nurmuhammet Yasin` → `nurmuhammet-yasin`; letters lose their accents; an empty result means the name has no usable letters. */
export function slug(text: string, maxLength = 80): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, maxLength).replace(/-+$/, '');
}
