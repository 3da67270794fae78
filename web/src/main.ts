// Entry point of the DPG Explorer front end: global styles, then the App component mounted on #app.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('main: element #app not found in index.html');

export default mount(App, { target });
