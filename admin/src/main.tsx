// Entry of the admin console (/admin/): mounts the app with the browser's fetch and clock.

import { render } from 'preact';
import { App } from './app.tsx';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App fetchFn={(input, init) => fetch(input, init)} nowMs={() => Date.now()} origin={location.origin} />, root);
