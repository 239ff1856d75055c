// A deliberate upward import (engine → cli), for the test that the dependency check refuses it.
import { command } from '../cli/command.ts';

export const kernel = command;
