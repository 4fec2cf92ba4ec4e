// The metric functions live with the retrieve service, whose cutover gate scores versions with them.
export * from '../../services/retrieve/src/domain/search/ranking-metrics.ts';
