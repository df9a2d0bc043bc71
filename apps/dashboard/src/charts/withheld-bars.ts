// A withheld count has no height. Its bar is left out of the series (null: no number is drawn,
// not the threshold, not zero), and its slot gets a placeholder: an outlined, hatched column the
// full height of the plot with "withheld" written in it. The placeholder stands on an axis of its
// own (0 to 1, hidden), so it marks where a number is missing without standing for one.

/** The placeholders' axis: the plot's full height, never shown. */
export const WITHHELD_AXIS = { type: 'value' as const, min: 0, max: 1, show: false };

/** A placeholder's look: outlined with dashes and hatched, in its group's colour (`colour` is #rrggbb). */
export const withheldStyle = (colour: string) => ({
  color: `${colour}12`,
  borderColor: colour,
  borderType: 'dashed' as const,
  borderWidth: 1,
  decal: { color: `${colour}40`, dashArrayX: [1, 0], dashArrayY: [2, 6], rotation: Math.PI / 4 },
});

/**
 * The placeholders of one series: give that series and this one the same `stack` so that a
 * placeholder takes the withheld bar's own slot among the dodged bars, and the same name so
 * that the legend shows and hides them together. `text` is what the tooltip says.
 */
export function withheldBars(name: string, colour: string, slots: boolean[], stack: string, text: string, yAxisIndex = 1) {
  return {
    type: 'bar' as const,
    name,
    stack,
    yAxisIndex,
    itemStyle: withheldStyle(colour),
    label: { show: true, position: 'inside' as const, rotate: 90, formatter: 'withheld', color: '#3b4a5a', fontSize: 10 },
    tooltip: { formatter: (p: { name: string; seriesName: string }) => `${p.name}<br/>${p.seriesName}: <b>${text}</b>` },
    data: slots.map((w) => (w ? { value: 1, withheld: true } : null)),
  };
}
