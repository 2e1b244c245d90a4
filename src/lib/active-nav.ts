/**
 * The navigation item the current path belongs to: the longest href that is
 * the path itself or a parent of it, so /admin/access/account picks
 * /admin/access/account over /admin/access, and /school/learners/<id> picks
 * /school/learners over /school.
 */
export function activeHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}
