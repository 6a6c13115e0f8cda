import { render } from 'preact';
import { i18n, localizeDocument } from '../../lib/i18n';
import { LearnPage } from '../../components/learn/LearnPage';
import '../../components/common/controls.css';
import '../../components/entry/dictionary-entries.css';
import '../../components/learn/learn.css';

localizeDocument(i18n.t('learn.title'));
render(<LearnPage />, document.getElementById('app')!);
