// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface CreateSubjectRequest {
  'id'?: (string);
  'pack'?: (string);
  'name'?: (string);
  'labels'?: ({[key: string]: string});
}

export interface CreateSubjectRequest__Output {
  'id': (string);
  'pack': (string);
  'name': (string);
  'labels': ({[key: string]: string});
}
