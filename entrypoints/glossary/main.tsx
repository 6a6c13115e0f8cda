import { render } from 'preact';
import { GlossaryPage } from '../../components/glossary-page/GlossaryPage';
import '../../components/entry/entry.css';
import '../../components/glossary-page/glossary-page.css';
import '../content/highlight.css';

render(<GlossaryPage />, document.getElementById('app')!);
