import type { ReactNode } from 'react';

/**
 * A table that may be wider than the screen scrolls sideways inside this region rather than the
 * page. The region takes the keyboard focus (arrow keys then scroll it) and is named after its
 * table, so a keyboard or screen-reader user can reach the columns a mouse user scrolls to.
 */
export function ScrollRegion({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
