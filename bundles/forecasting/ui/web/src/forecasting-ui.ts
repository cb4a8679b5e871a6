// The entry the shell imports (tessera-ui.json names it). A module that leaves and comes back is
// imported again under a new URL; its element's name is taken already and the first definition serves.
import { ForecastWorksheet } from './forecast-worksheet';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'tessera-forecasting-worksheet': ForecastWorksheet,
};

for (const [name, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(name)) {
    customElements.define(name, element);
  }
}

export { ForecastWorksheet };
