// The committee's "Mùa thi đua mới" tab (Next season).

import { addStrings } from './i18n.js';
import { el } from './util.js';

addStrings({
  vi: { 'tab.nextseason': 'Mùa thi đua mới' },
  en: { 'tab.nextseason': 'Next season' },
});

export const tab = {
  id: 'nextseason',
  mount(box) {
    box.replaceChildren(el('h2', { text: 'Mùa thi đua mới' }));
    return {};
  },
};
