import type { ReactNode } from 'react';

/** `data-*` attributes: the id of the record a landmark shows (`data-call-id` …), read by tests and styles. */
type DataAttributes = { [name: `data-${string}`]: string };

/**
 * A card or record of the console: a section (or article) named by its heading, the element with `titleId`, so a
 * screen reader lists it by that name; `testId` is how the browser tests find it.
 */
export function Landmark({
  as: Tag = 'section',
  className,
  titleId,
  testId,
  role,
  children,
  ...data
}: DataAttributes & {
  as?: 'section' | 'article';
  className: string;
  titleId: string;
  testId: string;
  role?: 'region';
  children: ReactNode;
}) {
  return (
    <Tag className={className} aria-labelledby={titleId} data-testid={testId} role={role} {...data}>
      {children}
    </Tag>
  );
}
