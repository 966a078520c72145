/**
 * Writes the built-in demo environment's factory folder, resources/demo-factory (checked in), and its test
 * fixture expected-preparation.json. Re-run after changing the catalog below:
 *
 *   npx esbuild scripts/generate-demo-factory.ts --bundle --platform=node --format=esm \
 *     --outfile=out/generate-demo-factory.mjs && node out/generate-demo-factory.mjs [OUT_DIR]
 *
 * OUT_DIR defaults to resources/demo-factory under the current directory (run it from the repository root).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeExpectedPreparation,
  writeEnvironmentJson,
  writeModule,
  usesDateTextPattern,
  type ExpectedStatus,
  type ModuleState,
} from '../bench/factory-generator';
import { renderModuleSources } from '../bench/module-sources';
import type { FieldSpec, ModuleApiSpec, ModuleKind, RemovedApi } from '../bench/module-spec';

/** The demo environment as environment.json declares it. */
export const DEMO_ENVIRONMENT = { name: 'Acme Production', platformVersion: '11.11.3' };

/** The version the demo's expected preparation statuses are computed for. */
export const DEMO_TARGET_VERSION = '11.17.0';

const FIELDS: Record<string, string> = {
  setting: 'key:string,value:string,updatedAt:Date',
  rule: 'field:string,pattern:string,required:boolean',
  audit: 'actor:string,action:string,occurredAt:Date',
  calendar: 'region:string,holidays:string[],workdays:number',
  person: 'fullName:string,email:string,department:string,active:boolean',
  customer: 'name:string,email:string,creditLimit:number,active:boolean,segments:string[]',
  order: 'orderNumber:string,customerId:number,total:number,placedAt:Date',
  invoice: 'invoiceNumber:string,amount:number,dueDate:Date,paid:boolean',
  product: 'sku:string,title:string,price:number,tags:string[]',
  stock: 'sku:string,warehouse:string,quantity:number',
  shipment: 'trackingNumber:string,carrier:string,weightKg:number,shippedAt:Date',
  employee: 'employeeNumber:string,fullName:string,salaryBand:number,startDate:Date',
  report: 'title:string,period:string,rows:number,generated:boolean',
  message: 'recipient:string,subject:string,sentAt:Date,delivered:boolean',
  ticket: 'subject:string,priority:number,status:string,openedAt:Date',
  payment: 'reference:string,amount:number,currency:string,settled:boolean',
  event: 'name:string,source:string,count:number,recordedAt:Date',
  page: 'title:string,path:string,published:boolean',
  credential: 'login:string,roles:string[],expiresAt:Date,enabled:boolean',
};

type Entry = [
  name: string,
  kind: ModuleKind,
  references: string[],
  typeName: string,
  entity: string,
  fields: string,
  purpose: string,
];

// Applications and their modules. Producer chains go up to 5 deep, e.g.
// CommonLib -> AuditLib -> CustomerCore -> OrderService -> BillingPortal.
// prettier-ignore
const CATALOG: Record<string, Entry[]> = {
  Directory: [
    ['CommonLib', 'library', [], 'AppSetting', 'Setting', 'setting', 'shared settings and helpers'],
    ['ValidationLib', 'library', ['CommonLib'], 'ValidationRule', 'Validation Rule', 'rule', 'field validation rules'],
    ['AuditLib', 'library', ['CommonLib'], 'AuditEntry', 'Audit Entry', 'audit', 'the audit trail'],
    ['DateUtils', 'library', [], 'BusinessCalendar', 'Calendar', 'calendar', 'business calendars'],
    ['Directory', 'service', ['CommonLib', 'AuditLib'], 'DirectoryPerson', 'Person', 'person', 'the company directory'],
    ['DirectoryWeb', 'web', ['Directory'], 'DirectoryCard', 'Person Card', 'person', 'directory search pages'],
    ['DirectoryMobile', 'mobile', ['Directory'], 'PhoneBookEntry', 'Phone Book Entry', 'person', 'the phone book app'],
    ['DirectorySync', 'service', ['Directory', 'AuditLib'], 'HrFeedRecord', 'HR Feed Record', 'person', 'the nightly HR feed'],
    ['DraftDirectoryImport', 'service', ['Directory'], 'ImportedPerson', 'Imported Person', 'person', 'a CSV import (draft)'],
  ],
  Customers: [
    ['CustomerCore', 'service', ['CommonLib', 'AuditLib', 'ValidationLib'], 'CustomerRecord', 'Customer', 'customer', 'customer master data'],
    ['CustomerSegments', 'library', ['CommonLib'], 'CustomerSegment', 'Segment', 'setting', 'customer segmentation'],
    ['CustomerPortal', 'web', ['CustomerCore', 'PortalShell'], 'CustomerAccountView', 'Customer Account', 'customer', 'self-service accounts'],
    ['CustomerMobile', 'mobile', ['CustomerCore'], 'VisitNote', 'Visit Note', 'customer', 'field sales visits'],
    ['CustomerImport', 'service', ['CustomerCore', 'ValidationLib'], 'CustomerImportRow', 'Import Row', 'customer', 'bulk customer imports'],
    ['CustomerConsent', 'service', ['CustomerCore', 'AuditLib'], 'ConsentRecord', 'Consent', 'rule', 'marketing consent'],
    ['CustomerInsights', 'web', ['CustomerCore', 'CustomerSegments'], 'CustomerInsight', 'Insight', 'report', 'customer insights'],
    ['DraftCustomerMerge', 'service', ['CustomerCore'], 'MergeCandidate', 'Merge Candidate', 'customer', 'duplicate merging (draft)'],
  ],
  Orders: [
    ['OrderModel', 'library', ['CommonLib', 'ValidationLib'], 'OrderDraft', 'Order', 'order', 'the order model'],
    ['OrderService', 'service', ['CustomerCore', 'OrderModel', 'CatalogCore'], 'SalesOrder', 'Sales Order', 'order', 'order processing'],
    ['OrderWeb', 'web', ['OrderService'], 'OrderLineView', 'Order Line', 'order', 'order entry pages'],
    ['OrderMobile', 'mobile', ['OrderService'], 'MobileOrder', 'Mobile Order', 'order', 'orders on the road'],
    ['OrderNotifications', 'service', ['OrderService', 'NotificationHub'], 'OrderNotice', 'Order Notice', 'message', 'order confirmations'],
    ['OrderReturns', 'service', ['OrderService'], 'ReturnRequest', 'Return', 'order', 'returns and refunds'],
    ['OrderImport', 'service', ['OrderModel'], 'EdiOrder', 'EDI Order', 'order', 'EDI order import'],
    ['DraftOrderWizard', 'web', ['OrderModel'], 'WizardStep', 'Wizard Step', 'page', 'a guided order wizard (draft)'],
  ],
  Billing: [
    ['InvoiceLib', 'library', ['CommonLib', 'AuditLib'], 'InvoiceDocument', 'Invoice', 'invoice', 'invoice documents'],
    ['TaxRules', 'library', ['CommonLib'], 'TaxRate', 'Tax Rate', 'rule', 'tax rates per region'],
    ['BillingService', 'service', ['InvoiceLib', 'TaxRules', 'CustomerCore'], 'BillingRun', 'Billing Run', 'invoice', 'monthly billing runs'],
    ['BillingPortal', 'web', ['OrderService', 'BillingService', 'InvoiceLib'], 'BillingStatement', 'Statement', 'invoice', 'customer statements'],
    ['InvoiceMailer', 'service', ['InvoiceLib', 'MailTemplates'], 'InvoiceMail', 'Invoice Mail', 'message', 'invoice mailing'],
    ['DunningService', 'service', ['BillingService'], 'DunningNotice', 'Dunning Notice', 'invoice', 'payment reminders'],
    ['CreditNotes', 'service', ['InvoiceLib'], 'CreditNote', 'Credit Note', 'invoice', 'credit notes'],
    ['BillingLegacyExport', 'service', ['InvoiceLib'], 'LedgerLine', 'Ledger Line', 'payment', 'the old ledger export'],
  ],
  Inventory: [
    ['StockModel', 'library', ['CommonLib'], 'StockLevel', 'Stock Level', 'stock', 'stock levels'],
    ['WarehouseLib', 'library', ['StockModel'], 'WarehouseBin', 'Bin', 'stock', 'warehouse bins'],
    ['InventoryService', 'service', ['StockModel', 'WarehouseLib', 'AuditLib'], 'StockMovement', 'Stock Movement', 'stock', 'stock movements'],
    ['InventoryWeb', 'web', ['InventoryService'], 'StockOverview', 'Stock Overview', 'stock', 'stock overview pages'],
    ['InventoryScanner', 'mobile', ['InventoryService'], 'ScanEvent', 'Scan', 'stock', 'barcode scanning'],
    ['ReorderPlanner', 'service', ['InventoryService', 'CatalogCore'], 'ReorderProposal', 'Reorder Proposal', 'stock', 'reorder proposals'],
    ['StockAlerts', 'service', ['InventoryService'], 'StockAlert', 'Stock Alert', 'message', 'low-stock alerts'],
    ['DraftStockForecast', 'service', ['InventoryService'], 'StockForecast', 'Forecast', 'report', 'demand forecasting (draft)'],
  ],
  Shipping: [
    ['CarrierLib', 'library', ['CommonLib'], 'CarrierProfile', 'Carrier', 'shipment', 'carrier profiles'],
    ['ShippingLabels', 'library', ['CarrierLib'], 'ShippingLabel', 'Label', 'shipment', 'label layouts'],
    ['ShipmentService', 'service', ['OrderModel', 'CarrierLib', 'CustomerCore'], 'Shipment', 'Shipment', 'shipment', 'shipments'],
    ['ShippingTracker', 'web', ['ShipmentService'], 'TrackingView', 'Tracking Event', 'shipment', 'parcel tracking pages'],
    ['ShippingNotifier', 'service', ['ShipmentService'], 'DispatchNotice', 'Dispatch Notice', 'message', 'dispatch mails'],
    ['CourierMobile', 'mobile', ['ShipmentService'], 'DeliveryStop', 'Delivery Stop', 'shipment', 'the courier app'],
    ['ShippingRates', 'service', ['CarrierLib'], 'RateQuote', 'Rate Quote', 'payment', 'carrier rate quotes'],
    ['DraftCustomsForms', 'web', ['ShippingLabels'], 'CustomsForm', 'Customs Form', 'shipment', 'customs forms (draft)'],
  ],
  HR: [
    ['EmployeeCore', 'service', ['Directory', 'CommonLib'], 'EmployeeRecord', 'Employee', 'employee', 'employee records'],
    ['PayrollLib', 'library', ['CommonLib'], 'PayrollLine', 'Payroll Line', 'payment', 'payroll calculations'],
    ['PayrollService', 'service', ['EmployeeCore', 'PayrollLib'], 'Payslip', 'Payslip', 'payment', 'monthly payroll'],
    ['LeaveRequests', 'web', ['EmployeeCore'], 'LeaveRequest', 'Leave Request', 'employee', 'leave requests'],
    ['HrPortal', 'web', ['EmployeeCore', 'PayrollLib'], 'HrAnnouncement', 'Announcement', 'page', 'the HR intranet'],
    ['Onboarding', 'service', ['EmployeeCore', 'Directory'], 'OnboardingTask', 'Onboarding Task', 'ticket', 'new-hire onboarding'],
    ['HrMobile', 'mobile', ['EmployeeCore'], 'TimeEntry', 'Time Entry', 'employee', 'time tracking on phones'],
    ['DraftAppraisals', 'web', ['EmployeeCore'], 'Appraisal', 'Appraisal', 'report', 'yearly appraisals (draft)'],
  ],
  Reporting: [
    ['ReportEngine', 'library', ['CommonLib'], 'ReportDefinition', 'Report', 'report', 'report definitions'],
    ['SalesReports', 'service', ['OrderService', 'ReportEngine'], 'SalesFigure', 'Sales Figure', 'report', 'sales reporting'],
    ['FinanceReports', 'service', ['BillingService', 'ReportEngine'], 'FinanceKpi', 'Finance KPI', 'report', 'finance KPIs'],
    ['InventoryReports', 'service', ['InventoryService', 'ReportEngine'], 'StockValuation', 'Stock Valuation', 'report', 'stock valuation'],
    ['HrReports', 'service', ['EmployeeCore', 'ReportEngine'], 'HeadcountFigure', 'Headcount', 'report', 'headcount reporting'],
    ['ReportScheduler', 'service', ['ReportEngine', 'MailTemplates'], 'ReportSchedule', 'Report Schedule', 'report', 'scheduled report mails'],
    ['ReportViewer', 'web', ['ReportEngine', 'CommonLib'], 'ReportPage', 'Report Page', 'page', 'the report viewer'],
    ['ReportExports', 'service', ['ReportEngine'], 'ExportJob', 'Export Job', 'report', 'spreadsheet exports'],
  ],
  Portal: [
    ['PortalTheme', 'library', [], 'ThemeToken', 'Theme Token', 'setting', 'the corporate theme'],
    ['PortalShell', 'web', ['PortalTheme', 'SessionHelper'], 'NavigationItem', 'Navigation Item', 'page', 'the portal frame'],
    ['PortalNews', 'web', ['PortalTheme', 'CommonLib'], 'NewsArticle', 'News Article', 'page', 'company news'],
    ['PortalSearch', 'service', ['CatalogCore', 'Directory'], 'SearchHit', 'Search Hit', 'page', 'portal-wide search'],
    ['PartnerPortal', 'web', ['PortalTheme', 'CustomerCore'], 'PartnerAccount', 'Partner', 'customer', 'the partner portal'],
    ['PortalMobile', 'mobile', ['PortalTheme', 'PortalNews', 'PortalShell'], 'MobileTile', 'Tile', 'page', 'the portal app'],
    ['PortalFeedback', 'web', ['PortalTheme'], 'FeedbackEntry', 'Feedback', 'ticket', 'user feedback'],
    ['DraftPortalRedesign', 'web', ['PortalTheme'], 'RedesignMockup', 'Mockup', 'page', 'the new look (draft)'],
  ],
  Notifications: [
    ['MailTemplates', 'library', ['CommonLib'], 'MailTemplate', 'Mail Template', 'message', 'mail templates'],
    ['NotificationHub', 'service', ['MailTemplates', 'AuditLib'], 'NotificationJob', 'Notification', 'message', 'outgoing notifications'],
    ['SmsGateway', 'service', ['CommonLib'], 'SmsMessage', 'SMS', 'message', 'text messages'],
    ['PushNotifications', 'service', ['SmsGateway'], 'PushMessage', 'Push Message', 'message', 'mobile push'],
    ['NotificationCenter', 'web', ['SmsGateway', 'PushNotifications'], 'InboxItem', 'Inbox Item', 'message', 'the notification inbox'],
    ['NotificationPreferences', 'service', ['Directory'], 'ChannelPreference', 'Channel Preference', 'setting', 'channel preferences'],
    ['NotificationDigest', 'service', ['NotificationPreferences', 'SmsGateway'], 'DigestEntry', 'Digest Entry', 'message', 'daily digests'],
    ['DraftWhatsAppChannel', 'service', ['SmsGateway'], 'ChatMessage', 'Chat Message', 'message', 'a chat channel (draft)'],
  ],
  Auth: [
    ['AuthCore', 'service', ['CommonLib', 'AuditLib'], 'UserCredential', 'Credential', 'credential', 'sign-in and credentials'],
    ['SessionHelper', 'library', ['CommonLib'], 'SessionInfo', 'Session', 'credential', 'session handling'],
    ['RoleManager', 'service', ['AuthCore', 'Directory'], 'RoleAssignment', 'Role Assignment', 'credential', 'role management'],
    ['SingleSignOn', 'service', ['AuthCore'], 'SsoProvider', 'SSO Provider', 'setting', 'single sign-on'],
    ['LoginPage', 'web', ['SingleSignOn', 'PortalTheme'], 'LoginAttempt', 'Login Attempt', 'audit', 'the login page'],
    ['ApiKeys', 'service', ['AuthCore'], 'ApiKey', 'API Key', 'credential', 'API keys'],
    ['AccessReview', 'web', ['RoleManager'], 'AccessCertification', 'Access Certification', 'audit', 'quarterly access reviews'],
    ['LegacyLdapBridge', 'service', ['AuthCore'], 'LdapEntry', 'LDAP Entry', 'person', 'the old LDAP bridge'],
  ],
  Catalog: [
    ['CatalogCore', 'service', ['CommonLib', 'ValidationLib'], 'CatalogProduct', 'Product', 'product', 'the product catalog'],
    ['PriceLists', 'library', ['CatalogCore'], 'PriceListEntry', 'Price', 'product', 'price lists'],
    ['ProductSearch', 'service', ['CatalogCore'], 'ProductHit', 'Product Hit', 'product', 'product search'],
    ['CatalogWeb', 'web', ['CatalogCore', 'PriceLists'], 'ProductPage', 'Product Page', 'page', 'catalog pages'],
    ['CatalogMobile', 'mobile', ['ProductSearch'], 'ShelfItem', 'Shelf Item', 'product', 'the catalog app'],
    ['ProductImages', 'service', ['CatalogCore'], 'ProductImage', 'Image', 'page', 'product images'],
    ['CatalogImport', 'service', ['CatalogCore'], 'SupplierFeedRow', 'Feed Row', 'product', 'supplier feeds'],
    ['DraftBundles', 'service', ['CatalogCore', 'PriceLists'], 'ProductBundle', 'Bundle', 'product', 'product bundles (draft)'],
  ],
  Payments: [
    ['PaymentModel', 'library', ['CommonLib'], 'PaymentInstruction', 'Payment', 'payment', 'the payment model'],
    ['CardGateway', 'service', ['PaymentModel', 'AuditLib'], 'CardCharge', 'Card Charge', 'payment', 'card payments'],
    ['BankTransfers', 'service', ['PaymentModel'], 'BankTransfer', 'Transfer', 'payment', 'bank transfers'],
    ['PaymentService', 'service', ['CardGateway', 'BankTransfers', 'InvoiceLib'], 'Settlement', 'Settlement', 'payment', 'settlement of invoices'],
    ['Refunds', 'service', ['PaymentService', 'OrderModel'], 'RefundRequest', 'Refund', 'payment', 'refunds'],
    ['PaymentsWeb', 'web', ['PaymentService'], 'PaymentReceipt', 'Receipt', 'payment', 'payment pages'],
    ['FraudChecks', 'service', ['PaymentModel', 'CustomerCore'], 'FraudSignal', 'Fraud Signal', 'event', 'fraud screening'],
    ['DraftCryptoWallet', 'service', ['PaymentModel'], 'WalletTransfer', 'Wallet Transfer', 'payment', 'crypto payments (draft)'],
  ],
  Support: [
    ['TicketModel', 'library', ['CommonLib'], 'SupportTicket', 'Ticket', 'ticket', 'the ticket model'],
    ['TicketService', 'service', ['TicketModel', 'CustomerCore', 'AuditLib'], 'TicketUpdate', 'Ticket Update', 'ticket', 'ticket handling'],
    ['SupportDesk', 'web', ['TicketService'], 'DeskQueue', 'Queue', 'ticket', 'the agents desk'],
    ['SupportMobile', 'mobile', ['TicketService'], 'OnSiteVisit', 'On-site Visit', 'ticket', 'field service'],
    ['KnowledgeBase', 'service', ['TicketModel'], 'KnowledgeArticle', 'Article', 'page', 'help articles'],
    ['TicketMailer', 'service', ['TicketService'], 'TicketMail', 'Ticket Mail', 'message', 'ticket mails'],
    ['SlaMonitor', 'service', ['TicketService'], 'SlaBreach', 'SLA Breach', 'ticket', 'SLA monitoring'],
    ['DraftChatbot', 'web', ['KnowledgeBase'], 'ChatTurn', 'Chat Turn', 'message', 'a support chatbot (draft)'],
  ],
  Analytics: [
    ['EventTracking', 'library', ['CommonLib'], 'TrackedEvent', 'Event', 'event', 'event tracking'],
    ['MetricsCollector', 'service', ['EventTracking'], 'MetricSample', 'Metric', 'event', 'metric collection'],
    ['AnalyticsDashboard', 'web', ['MetricsCollector', 'ReportEngine'], 'DashboardTile', 'Tile', 'report', 'the analytics dashboard'],
    ['FunnelAnalysis', 'service', ['EventTracking', 'OrderModel'], 'FunnelStep', 'Funnel Step', 'event', 'sales funnels'],
    ['CohortReports', 'service', ['EventTracking', 'CustomerSegments'], 'CohortRow', 'Cohort', 'report', 'cohort analysis'],
    ['UsageExport', 'service', ['MetricsCollector'], 'UsageRecord', 'Usage Record', 'event', 'usage exports'],
    ['AnalyticsMobile', 'mobile', ['MetricsCollector'], 'KpiCard', 'KPI Card', 'report', 'KPIs on phones'],
    ['ForecastModels', 'service', ['EventTracking'], 'ForecastPoint', 'Forecast Point', 'event', 'forecasting models'],
  ],
};

/** Modules only uploaded, never published (besides every Draft… module). */
const UPLOADED = new Set<string>();
/** Modules whose last publication failed. */
const PUBLISH_FAILED = new Set([
  'OrderImport',
  'BillingLegacyExport',
  'ReportExports',
  'LegacyLdapBridge',
  'CatalogImport',
  'ForecastModels',
]);
/** Published modules that still call APIs removed in 11.12.0: they fail to prepare for 11.12.0 and later. */
const REMOVED_API: Record<string, RemovedApi> = {
  MailTemplates: 'sendMailLegacy',
  SessionHelper: 'getSessionValue',
  ShippingNotifier: 'sendMailLegacy',
  LeaveRequests: 'getSessionValue',
  TicketMailer: 'sendMailLegacy',
};

function parseFields(spec: string): FieldSpec[] {
  return spec.split(',').map((pair) => {
    const [name, type] = pair.split(':') as [string, FieldSpec['type']];
    return { name, type };
  });
}

function stateOf(name: string): ModuleState {
  if (name.startsWith('Draft') || UPLOADED.has(name)) return 'uploaded';
  return PUBLISH_FAILED.has(name) ? 'publish-failed' : 'published';
}

// More files for services, fewer for libraries: roughly what real teams end up with.
const FILES_BY_KIND: Record<ModuleKind, number[]> = {
  library: [2, 3, 1, 2],
  service: [4, 3, 5, 3],
  web: [3, 4, 2],
  mobile: [3, 2],
};

/** Writes the demo factory into `dir` (emptied first); returns the expected statuses for DEMO_TARGET_VERSION. */
export function writeDemoFactory(dir: string): Record<string, ExpectedStatus> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeEnvironmentJson(dir, DEMO_ENVIRONMENT);

  const entries = Object.entries(CATALOG).flatMap(([application, list]) =>
    list.map((entry) => ({ application, entry })),
  );
  const apis = new Map<string, ModuleApiSpec>();
  for (const { entry } of entries) {
    const [module, kind, , typeName, entity, fields] = entry;
    if ([...apis.values()].some((api) => api.typeName === typeName))
      throw new Error(`type name ${typeName} used twice`);
    apis.set(module, { module, kind, typeName, entity, fields: parseFields(FIELDS[fields] as string) });
  }

  const oracle = entries.map(({ application, entry }, index) => {
    const [name, kind, references, , , , purpose] = entry;
    const state = stateOf(name);
    const removedApi = state === 'published' ? REMOVED_API[name] : undefined;
    const producers = references.map((ref) => {
      const api = apis.get(ref);
      if (!api) throw new Error(`${name} references unknown module ${ref}`);
      if (state === 'published' && stateOf(ref) !== 'published')
        throw new Error(`${name} is published but ${ref} is not`);
      return api;
    });
    const choices = FILES_BY_KIND[kind];
    const sources = renderModuleSources({
      ...(apis.get(name) as ModuleApiSpec),
      application,
      producers,
      removedApi,
      // Half the failed publications are type errors; the others failed for reasons outside the code.
      broken: state === 'publish-failed' && index % 2 === 0,
      fileCount: choices[index % choices.length] as number,
      variant: (index * 7 + name.length) % 12,
      httpPost: true,
      purpose,
    });
    writeModule(dir, { name, application, kind, state, references }, sources);
    return {
      name,
      state,
      references,
      usesRemovedApi: removedApi !== undefined,
      usesDateTextPattern: Object.values(sources).some(usesDateTextPattern),
    };
  });

  const expected = computeExpectedPreparation(oracle, DEMO_TARGET_VERSION);
  const counts: Record<ExpectedStatus, number> = { prepared: 0, failed: 0, skipped: 0, excluded: 0 };
  for (const status of Object.values(expected)) counts[status]++;
  const fixture = { targetVersion: DEMO_TARGET_VERSION, counts, modules: expected };
  writeFileSync(join(dir, 'expected-preparation.json'), JSON.stringify(fixture, null, 2) + '\n');
  return expected;
}

// Runs only as the entry point (tests import writeDemoFactory), from source or from a bundle.
if (process.argv[1] && /generate-demo-factory\.[cm]?[jt]s$/.test(process.argv[1])) {
  const out = process.argv[2] ?? join(process.cwd(), 'resources', 'demo-factory');
  const expected = writeDemoFactory(out);
  const statuses = Object.values(expected);
  const count = (status: ExpectedStatus): number => statuses.filter((s) => s === status).length;
  process.stdout.write(
    `Wrote ${statuses.length} modules to ${out}: ${count('prepared')} prepared, ${count('failed')} failed, ` +
      `${count('skipped')} skipped, ${count('excluded')} excluded on ${DEMO_TARGET_VERSION}.\n`,
  );
}
