/**
 * The link from a deal to its record in the CRM, from the optional `crmDealUrl` setting
 * (`https://crm.example.com/deals/{id}`). The id is URL-encoded; anything that does not come out
 * as an http(s) address gives no link (export data never reaches an `href` unchecked).
 */
export function crmDealHref(template: string | null | undefined, id: string): string | undefined {
  if (!template || !template.includes('{id}') || id === '') return undefined;
  const href = template.split('{id}').join(encodeURIComponent(id));
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}
