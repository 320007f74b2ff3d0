/** The statistics chapter's one control of its own: a captioned chart card. The rest come from controls.ts. */
import './chapter.css';

/** A captioned card holding a chart that is replaced on every redraw. */
export function card(id: string, caption: string) {
  const fig = document.createElement('figure');
  fig.className = 'chart-card st-card';
  fig.id = id;
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(cap);
  return {
    element: fig,
    caption: cap,
    show(svg: SVGSVGElement) {
      fig.querySelector('svg')?.remove();
      fig.insertBefore(svg, cap);
    },
  };
}
