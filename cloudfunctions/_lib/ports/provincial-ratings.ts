// The provincial 好差评 system port (鲁政办发〔2020〕10号: departments report every rating to the
// provincial system). Production posts to the configured provincial interface; local mode accepts.
export interface ProvincialRating {
  id: string;
  serviceItem: string;
  level: number;
  indicators: string[];
  comment: string;
  ratedOn: string;
  serviceDate: string;
  anonymous: boolean;
}

export type ForwardResult = { status: 'accepted' } | { status: 'rejected'; reason: string } | { status: 'retry'; reason: string };

export interface ProvincialRatingSystem {
  /** Never throws. */
  forward(rating: ProvincialRating): Promise<ForwardResult>;
}
