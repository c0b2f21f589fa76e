/** The demo zone the lab offers on first launch (apex ALIAS → the simulated target), bundled as text. */
import demoZoneText from '../alias-server/demo/demo.zone?raw'

export const DEMO_ZONE_TEXT: string = demoZoneText
