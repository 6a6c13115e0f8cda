import { render } from 'preact';
import { LearnPage } from '../../components/learn/LearnPage';

render(<LearnPage />, document.getElementById('app')!);
