/**
 * Loaded with `node --import` into Astro's process: it writes its peak RSS for the build's last
 * lines as it exits. See peak-rss.ts.
 */
import { recordPeakRssOnExit } from './peak-rss.ts';

recordPeakRssOnExit();
