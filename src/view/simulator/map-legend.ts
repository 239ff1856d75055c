// The key to the city map: dot colours are agent states, pulse colours are first-purchase channels.
import { CHANNEL_TABLE } from '../../scenario/channels.ts';
import { colourVariable, CROSS_TIER_TIE_COLOUR, STATE_NAMES } from '../shared/palette.ts';
import { onLanguageChange, t } from '../shared/language.ts';

export function fillMapLegend(list: HTMLUListElement): void {
  fill(list);
  onLanguageChange(() => fill(list));
}

function fill(list: HTMLUListElement): void {
  list.replaceChildren();
  const item = (colour: string, text: string, shape: 'dot' | 'line' | 'ring') => {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch ${shape}`;
    swatch.style.setProperty('--colour', colour);
    li.append(swatch, text);
    list.append(li);
  };
  STATE_NAMES.forEach((name, state) => item(colourVariable.state(state), t(`states.${name}`), 'dot'));
  item(CROSS_TIER_TIE_COLOUR, t('simulator.legend.crossTie'), 'line');
  for (const channel of CHANNEL_TABLE) item(colourVariable.mapChannel(channel.name), t('simulator.legend.converted', { channel: t(`channels.${channel.name}`) }), channel.social ? 'line' : 'ring');
}
