// The committee's "Quyết định" tab (Decisions).

import { addStrings } from './i18n.js';
import { el } from './util.js';

addStrings({
  vi: { 'tab.decisions': 'Quyết định' },
  en: { 'tab.decisions': 'Decisions' },
});

export const tab = {
  id: 'decisions',
  mount(box) {
    box.replaceChildren(el('h2', { text: 'Quyết định' }));
    return {};
  },
};
