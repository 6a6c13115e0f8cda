import { render } from 'preact';
import { i18n, localizeDocument } from '../../lib/i18n';
import { GlossaryPage } from '../../components/glossary-page/GlossaryPage';
import '../../components/entry/entry.css';
import '../../components/entry/dictionary-entries.css';
import '../../components/glossary-page/glossary-page.css';

localizeDocument(i18n.t('glossaryPage.title'));
render(<GlossaryPage />, document.getElementById('app')!);
