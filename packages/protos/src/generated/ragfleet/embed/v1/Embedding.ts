// Original file: protos/ragfleet/embed/v1/embed.proto


export interface Embedding {
  'values'?: (number | string)[];
}

export interface Embedding__Output {
  'values': (number)[];
}
