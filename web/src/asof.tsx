/** The one as-of date every view follows; kept in localStorage so a reload keeps it. */
import { createContext, useContext } from 'react';

export const AsOfContext = createContext<{ asOf: string; setAsOf(d: string): void }>({ asOf: today(), setAsOf: () => {} });

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function useAsOf() {
  return useContext(AsOfContext);
}
