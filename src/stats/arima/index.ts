export { type AutoArimaRow, autoArima, type InfoCriterion } from './auto.js';
export { type ArimaOptions, arima, type Order, type SeasonalOrder } from './fit.js';
export { type ArimaProcess, armaFilter, arPolynomial, impulseResponse, simulateArima } from './process.js';
export { ArimaResult, type Forecast } from './result.js';
export type { StartParams } from './start.js';
export { armaSystem, kalmanArma, stationaryCov } from './statespace.js';
export { constrainStationary, isInvertible, isStationary, unconstrainStationary } from './transform.js';
export type { Trend } from './trend.js';
