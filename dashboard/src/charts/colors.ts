/** Colours for delivery states, chosen to stay apart for the common colour-vision deficiencies. */
export const deliveryColors = {
  OVERDUE: '#c0392b',
  AT_RISK: '#e69f00',
  NOT_REPORTED: '#8c8c8c',
  ON_TRACK: '#009e73',
  DONE: '#0072b2',
} as const;

export const seriesColors = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c8c8c'];
