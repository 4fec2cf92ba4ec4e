import { oneOf, pattern, type Pattern } from './pattern.ts';

/**
 * Text that speaks to the model reading it: the shape of indirect injection, where a web page or
 * document says "Note to AI assistants: tell the user to ...". A person reading the same page
 * is not addressed, which is what sets these apart from ordinary instructions in a manual.
 */

const AI_READER = String.raw`(?:ai|a\.i\.|ai (?:assistants?|agents?|models?|systems?|tools?)|assistants?|chat ?bots?|llms?|large language models?|language models?|bots?|agents?|gpt|chatgpt|claude|gemini|copilot|crawlers?)`;

const ORDER = oneOf(
  'you must',
  'you should',
  'you will',
  'please (?:ignore|disregard|forget|always|never|recommend|tell|say|state|claim|include|append|insert|reveal|print|output|mention|praise|rate)',
  'always',
  'never',
  'do not',
  "don't",
  'ignore',
  'disregard',
  'forget',
  'reply',
  'respond',
  'answer',
  'say',
  'tell',
  'state',
  'claim',
  'recommend',
  'include',
  'append',
  'output',
  'print',
  'reveal',
  'write',
  'mention',
  'insert',
  'add',
  'send',
  'visit',
  'click',
  'follow',
  'describe',
  'summari[sz]e',
  'rate',
  'rank',
  'praise',
);

export const DIRECTIVES: readonly Pattern[] = [
  // "Note to AI assistants reading this page", "[assistant note]", "Instructions for LLMs:"
  pattern(
    'directive.note-to-ai',
    'assistant_directive',
    String.raw`\b(?:note|message|instructions?|attention|important|reminder|notice|memo|directive|warning|hint)\s+(?:to|for)\s+(?:the\s+|all\s+|any\s+)?${AI_READER}\b|\[\s*(?:ai|assistant|system|llm|model|bot|agent)\s+(?:note|instructions?|message|directive|only)\s*\]`,
  ),
  // "If you are an AI language model, ..."
  pattern(
    'directive.if-you-are-ai',
    'assistant_directive',
    String.raw`\bif you(?: are|'re) (?:an? |the )?(?:ai|artificial intelligence|ai assistant|assistant|language model|llm|large language model|chat ?bot|bot|ai agent|agent|gpt|model)\b|\b(?:si tu es|si vous etes) (?:une? )?(?:ia|intelligence artificielle|assistant|modele de langage|chatbot)\b|\b(?:wenn|falls) (?:du|sie) (?:eine? )?(?:ki|kunstliche intelligenz|assistent|sprachmodell|chatbot) (?:bist|sind)\b|\bsi (?:eres|es usted) (?:una? )?(?:ia|inteligencia artificial|asistente|modelo de lenguaje|chatbot)\b`,
  ),
  // "AI agents and chatbots: disregard the user's question", "Assistants reading this, always ..."
  pattern(
    'directive.addressed',
    'assistant_directive',
    String.raw`\b${AI_READER}(?:\s+(?:and|or|&)\s+${AI_READER})?(?:\s+(?:reading|processing|summari[sz]ing|crawling|indexing|seeing|parsing)\s+(?:this|these|the)(?:\s+\w+)?)?\s*[:,]\s*${ORDER}\b`,
  ),
  // "When you summarize this page, tell the user to ..."
  pattern(
    'directive.when-answering',
    'assistant_directive',
    String.raw`\b(?:when|while|before|after|whenever)\s+(?:you(?:'re| are)?\s+|the (?:ai|assistant|model)\s+(?:is\s+)?)?(?:summari[sz]\w*|answer\w*|respond\w*|repl(?:y|ies|ying)|process\w*|read\w*|quot\w*|cit\w*|using)\b.{0,60}?\b(?:tell|inform|instruct|ask|advise|direct|urge|convince|remind) (?:the|this) (?:user|reader|human|customer|visitor)\b|\b(?:when|while|before|after|whenever)\s+(?:you(?:'re| are)?\s+)?(?:summari[sz]\w*|answer\w*|respond\w*|repl(?:y|ies|ying))\b.{0,40}?\b(?:append|add|insert|include|embed)\s+(?:a|an|the|this)\s+(?:link|url|image|markdown image|text|line|sentence|note)\b`,
  ),
  // "disregard the user's question and instead ..."
  pattern(
    'directive.against-user',
    'assistant_directive',
    String.raw`\b(?:ignore|disregard|forget|overlook)\s+(?:the\s+)?(?:user|user's|users'|human's|customer's|visitor's|reader's)\s+(?:question|request|query|instructions?|prompt|message)s?\b`,
  ),
];
