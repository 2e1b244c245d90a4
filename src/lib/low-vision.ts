// «Версия для слабовидящих» (in the spirit of GOST R 52872-2019): remembered
// per browser in a cookie, so the server renders <html class="low-vision">
// and the page never flashes in the ordinary colours first.
export const LOW_VISION_COOKIE = "kt-low-vision";
export const LOW_VISION_CLASS = "low-vision";

export function isLowVision(cookieValue: string | undefined | null): boolean {
  return cookieValue === "1";
}
