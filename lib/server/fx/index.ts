export { loadRateBook, freshRate, ecbRateSource, importFromSource, storeObservations, refreshDemoRates, type RateSource } from "./rates";
export { createQuote, acceptQuote, organizationQuote } from "./quotes";
export { loadPricing } from "./pricing";
