// Browser Web Worker entry: the same engine core as in Node, exposed with comlink.
import { expose } from 'comlink';
import { EngineCore } from './engine-core.ts';

expose(new EngineCore());
