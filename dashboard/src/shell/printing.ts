/**
 * A printed page cannot be opened by hand: while the page prints, every collapsed group
 * (<details>) is opened, and those it opened are closed again afterwards.
 */
export function openCollapsedWhilePrinting(): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = [...document.querySelectorAll('details:not([open])')] as HTMLDetailsElement[];
    for (const details of opened) details.open = true;
  };
  const after = () => {
    for (const details of opened) details.open = false;
    opened = [];
  };
  addEventListener('beforeprint', before);
  addEventListener('afterprint', after);
  return () => {
    removeEventListener('beforeprint', before);
    removeEventListener('afterprint', after);
  };
}
