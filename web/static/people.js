// The committee's "Người dùng" tab (People and tokens).

import { addStrings } from './i18n.js';
import { el } from './util.js';

addStrings({
  vi: { 'tab.people': 'Người dùng' },
  en: { 'tab.people': 'People and tokens' },
});

export const tab = {
  id: 'people',
  mount(box) {
    box.replaceChildren(el('h2', { text: 'Người dùng' }));
    return {};
  },
};
