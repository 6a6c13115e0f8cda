import { render } from 'preact';
import { Popup } from '../../components/Popup';
import '../../components/entry/entry.css';
import '../../components/popup/popup.css';

render(<Popup />, document.getElementById('app')!);
