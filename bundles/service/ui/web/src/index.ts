// The entry the shell loads by URL (tessera-ui.json "entry"): it defines the elements tessera-ui.json
// names, once, even when the shell loads the module again after a reinstall.
import { RequestView } from './detail';
import { RecordList } from './list';
import { DETAIL_ELEMENT, LIST_ELEMENT, SECTION_ELEMENT } from './names';
import { RecordsSection } from './section';

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  [LIST_ELEMENT]: RecordList,
  [SECTION_ELEMENT]: RecordsSection,
  [DETAIL_ELEMENT]: RequestView,
};

for (const [tag, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
  }
}
