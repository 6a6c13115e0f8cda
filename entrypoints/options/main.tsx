import { render } from 'preact';
import { Options } from '../../components/Options';

render(<Options />, document.getElementById('app')!);
