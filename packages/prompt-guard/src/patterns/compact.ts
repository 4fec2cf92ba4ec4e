import { compactSkeleton } from '../obfuscation.ts';
import { pattern, type Pattern } from './pattern.ts';

/**
 * Phrases read in the compact view: letters only, leetspeak folded, l read as i (see
 * compactSkeleton). That view undoes letter spacing ("i g n o r e"), punctuation inside words
 * ("i.g.n.o.r.e"), leetspeak ("1gn0r3") and zero-width characters used as spaces, but it also
 * loses every word boundary, so only long phrases that say one thing are matched here: an
 * override verb, an object that points at the assistant's instructions, and the instructions.
 */

/** An alternation of words, written plainly and folded the way the compact view folds text. */
const words = (...list: string[]) => `(?:${list.map(compactSkeleton).join('|')})`;
const optional = (group: string, most: number) => `${group}{0,${most}}`;

const FILLER = words(
  'all',
  'the',
  'any',
  'of',
  'my',
  'these',
  'those',
  'every',
  'that',
  'and',
  'over',
  'each',
);

const EN_VERB = words(
  'ignore',
  'disregard',
  'forget',
  'override',
  'overrule',
  'bypass',
  'discard',
  'dismiss',
  'neglect',
  'overlook',
  'nullify',
  'skip',
  'setaside',
  'putaside',
  'throwout',
  'throwaway',
  'paynoattentionto',
  'donotfollow',
  'dontfollow',
  'stopfollowing',
  'stopobeying',
  'disobey',
  'circumvent',
  'abandon',
);
const EN_OWN = words(
  'previous',
  'prior',
  'above',
  'earlier',
  'preceding',
  'foregoing',
  'former',
  'original',
  'initial',
  'system',
  'hidden',
  'your',
);
const EN_INSTRUCTIONS = words(
  'instructions',
  'instruction',
  'prompts',
  'prompt',
  'rules',
  'directions',
  'directives',
  'guidelines',
  'guardrails',
  'constraints',
  'commands',
  'programming',
  'policies',
  'restrictions',
  'limitations',
  'filters',
  'safeguards',
);

const FR_VERB = words(
  'ignore',
  'ignorez',
  'ignorer',
  'oublie',
  'oubliez',
  'negligez',
  'ecartez',
  'contournez',
);
const FR_NOUN = words('instructions', 'consignes', 'regles', 'directives', 'ordres', 'indications', 'prompt');
const FR_EARLIER = words(
  'precedentes',
  'anterieures',
  'cidessus',
  'initiales',
  'originales',
  'dusysteme',
  'systeme',
);

const DE_VERB = words('ignoriere', 'ignorierensie', 'vergiss', 'vergessensie', 'missachte', 'missachtensie');
const DE_OWN = words(
  'vorherigen',
  'bisherigen',
  'vorigen',
  'obigen',
  'fruheren',
  'fruehren',
  'ursprunglichen',
  'urspruenglichen',
  'deine',
  'ihre',
);
const DE_NOUN = words(
  'anweisungen',
  'anweisung',
  'instruktionen',
  'regeln',
  'richtlinien',
  'vorgaben',
  'befehle',
);

const ES_VERB = words('ignora', 'olvida', 'omite', 'descarta', 'olvidate');
const ES_NOUN = words('instrucciones', 'reglas', 'indicaciones', 'directrices', 'ordenes', 'normas');
const ES_EARLIER = words('anteriores', 'previas', 'dearriba', 'iniciales', 'originales', 'delsistema');

export const COMPACT: readonly Pattern[] = [
  pattern(
    'compact.en.override',
    'instruction_override',
    `${EN_VERB}${optional(FILLER, 4)}${EN_OWN}${optional(`(?:${FILLER}|${EN_OWN})`, 2)}${EN_INSTRUCTIONS}`,
  ),
  pattern(
    'compact.en.override-positional',
    'instruction_override',
    `${EN_VERB}${optional(FILLER, 3)}${EN_INSTRUCTIONS}${words('above', 'youweregiven', 'youvebeengiven', 'giventoyou')}`,
  ),
  pattern(
    'compact.en.forget-everything',
    'instruction_override',
    `${words('forget', 'ignore', 'disregard')}${words('everything', 'allthat', 'anything')}${words('youweretold', 'youvebeentold', 'youhavebeentold', 'above', 'before', 'sofar', 'isaid')}`,
  ),
  pattern(
    'compact.en.exfiltration',
    'system_prompt_exfiltration',
    `${words('reveal', 'print', 'show', 'output', 'display', 'dump', 'leak', 'repeat', 'recite', 'tell', 'give', 'share', 'whatis', 'whatare', 'whatwere')}${words('me', '')}${words('your', 'ur')}${words('system', 'hidden', 'initial', 'original', 'secret', 'internal', 'developer', '')}${words('prompt', 'instructions', 'systemprompt', 'systemmessage', 'preprompt')}`,
  ),
  pattern(
    'compact.en.exfiltration-the',
    'system_prompt_exfiltration',
    `${words('reveal', 'print', 'show', 'output', 'display', 'dump', 'leak', 'repeat', 'recite', 'tell', 'give', 'share')}${words('me', '')}${words('the', 'its')}${words('system', 'hidden', 'initial', 'secret', 'internal', 'developer')}${words('prompt', 'instructions', 'systemprompt', 'preprompt')}`,
  ),
  pattern(
    'compact.en.role',
    'role_override',
    `${words('youarenow', 'yourenow', 'yournow', 'urnow', 'fromnowonyouare', 'actas', 'pretendyouare', 'pretendtobe')}${words('a', 'an', '')}${words('dan', 'unrestricted', 'unfiltered', 'uncensored', 'jailbroken', 'freegpt')}|${words('doanythingnow', 'jailbreakmode', 'danmode')}|${words('youhaveno', 'youhavenomore')}${words('rules', 'restrictions', 'limits', 'filters', 'guidelines')}`,
  ),
  pattern(
    'compact.fr.override',
    'instruction_override',
    `${FR_VERB}${optional(words('toutes', 'tous', 'les', 'tes', 'vos', 'des', 'de', 'la', 'le'), 3)}${FR_NOUN}${FR_EARLIER}`,
  ),
  pattern(
    'compact.de.override',
    'instruction_override',
    `${DE_VERB}${optional(words('alle', 'die', 'sie'), 2)}${DE_OWN}${DE_NOUN}`,
  ),
  pattern(
    'compact.es.override',
    'instruction_override',
    `${ES_VERB}${optional(words('todas', 'todos', 'las', 'los', 'tus', 'de'), 3)}${ES_NOUN}${ES_EARLIER}`,
  ),
];
