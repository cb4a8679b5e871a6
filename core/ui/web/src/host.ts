/** The host contract (package @tessera/ui-host), and what only the shell reads: GET /v1/ui/extensions. */
export * from '@tessera/ui-host';
import type { Locale } from '@tessera/ui-host';

/** One entry of GET /v1/ui/extensions. */
export interface UiMenuEntry {
  id: string;
  label: string;
  route: string;
  permission?: string;
  order?: number;
}
export interface UiRoute {
  path: string;
  element: string;
}
export interface UiOverviewSection {
  key: string;
  element: string;
}
export interface UiPartyAction {
  id: string;
  label: string;
  route: string;
  permission?: string;
}
export interface UiExtension {
  module: string;
  version: string;
  state: string;
  entry: string;
  base: string;
  messages: Partial<Record<Locale, Record<string, string>>>;
  menu: UiMenuEntry[];
  routes: UiRoute[];
  overviewSections: UiOverviewSection[];
  partyActions: UiPartyAction[];
}
export interface UiExtensions {
  items: UiExtension[];
  revision: string;
}
