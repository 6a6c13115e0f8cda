import { render } from 'preact';
import { i18n, localizeDocument } from '../../lib/i18n';
import { Popup } from '../../components/popup/Popup';
import '../../components/entry/entry.css';
import '../../components/entry/dictionary-entries.css';
import '../../components/popup/popup.css';

localizeDocument(i18n.t('extension.name'));
render(<Popup />, document.getElementById('app')!);
