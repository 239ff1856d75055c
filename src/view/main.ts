// Entry point of the page (index.html).
import './style.css';
import { App } from './app.ts';

const app = new App();
// The page shows itself first; validating the scenario and starting the workers is a task of its own.
setTimeout(() => app.start(), 0);
