/** The charts' colours (Chart.js itself is loaded only when a chart is drawn). */
/** Aging colours from calm to urgent, never colour alone (the table and legend name them). */
export const palette = {
  blue: "#2563a6",
  teal: "#3f8f8a",
  amber: "#d08a1a",
  orange: "#c2571a",
  red: "#b42318",
  grey: "#9aa3ae",
  bandFill: "rgba(37, 99, 166, 0.12)",
};

