// The client reaches components through context, so tests (and a future shell) can hand in their own
// transport without module mocking.
import { createContext, useContext } from 'react';
import api, { type ApiClient } from './api';

export const ApiContext = createContext<ApiClient>(api);

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
