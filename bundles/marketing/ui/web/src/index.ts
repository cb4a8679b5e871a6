// The entry the shell loads (tessera-ui.json "entry"): it defines the elements tessera-ui.json names,
// once, even when the shell loads the module again after a reinstall.
import { CampaignList } from './campaign-list';
import { CampaignPage } from './campaign-page';
import { LIST_ELEMENT, PAGE_ELEMENT, SECTION_ELEMENT } from './names';
import { CampaignsSection } from './section';

export const ELEMENTS: Record<string, CustomElementConstructor> = {
  [LIST_ELEMENT]: CampaignList,
  [PAGE_ELEMENT]: CampaignPage,
  [SECTION_ELEMENT]: CampaignsSection,
};

for (const [tag, element] of Object.entries(ELEMENTS)) {
  if (!customElements.get(tag)) {
    customElements.define(tag, element);
  }
}
