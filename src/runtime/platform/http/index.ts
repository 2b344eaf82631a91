// HttpClient and its companions as the interpreter's receiver kinds, and their default values.
import type { Registry } from '../../interpreter/methodTypes';
import { HttpClientValue, httpClientMethods } from './httpClient';
import { HttpContentValue, httpContentMethods } from './httpContent';
import { HttpHeadersValue, httpHeadersMethods } from './httpHeaders';
import { HttpRequestMessageValue, HttpResponseMessageValue, httpRequestMessageMethods, httpResponseMessageMethods } from './httpMessages';

export const httpKinds: [string, Registry][] = [
  ['HttpClient', httpClientMethods],
  ['HttpContent', httpContentMethods],
  ['HttpHeaders', httpHeadersMethods],
  ['HttpRequestMessage', httpRequestMessageMethods],
  ['HttpResponseMessage', httpResponseMessageMethods],
];

export const httpDefaults: Record<string, () => unknown> = {
  HttpClient: () => new HttpClientValue(),
  HttpContent: () => new HttpContentValue(),
  HttpHeaders: () => new HttpHeadersValue('request'),
  HttpRequestMessage: () => new HttpRequestMessageValue(),
  HttpResponseMessage: () => new HttpResponseMessageValue(),
};
