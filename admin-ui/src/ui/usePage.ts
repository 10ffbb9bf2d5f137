import { useEffect, useRef } from "react";

/**
 * Sets the document title and moves focus to the page's heading when the page opens, so that
 * keyboard and screen-reader users land at the start of the new page after navigation.
 */
export function usePage(title: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Platform admin`;
  }, [title]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return heading;
}
