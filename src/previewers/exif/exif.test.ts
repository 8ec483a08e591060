import { describe, expect, it } from 'vitest';
import { detailsFromTags, formatCoordinates, formatExposureTime } from './exif';

describe('detailsFromTags', () => {
  it('picks camera, lens, exposure, date and position', () => {
    const taken = new Date('2025-07-02T18:15:33Z');
    expect(
      detailsFromTags({ Make: 'Canon', Model: 'Canon EOS R6', LensModel: 'RF24-70mm', ExposureTime: 0.004, FNumber: 8, ISO: 200, FocalLength: 35, DateTimeOriginal: taken, latitude: 46.5, longitude: -8.25 }),
    ).toEqual({ camera: 'Canon EOS R6', lens: 'RF24-70mm', exposure: { time: 0.004, aperture: 8, iso: 200 }, focalLength: 35, taken, gps: { latitude: 46.5, longitude: -8.25 } });
  });

  it('joins make and model when the model does not repeat it, and leaves out what is not there', () => {
    expect(detailsFromTags({ Make: 'pCloud Demo', Model: 'Generated Camera' })).toEqual({ camera: 'pCloud Demo Generated Camera' });
    expect(detailsFromTags(undefined)).toEqual({});
    // 0,0 is what some phones write when they had no fix
    expect(detailsFromTags({ latitude: 0, longitude: 0 }).gps).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes exposure times and coordinates', () => {
    expect(formatExposureTime(0.004)).toBe('1/250');
    expect(formatExposureTime(2)).toBe('2');
    expect(formatCoordinates({ latitude: 46.5581, longitude: -8.5611 })).toBe('46.55810° N, 8.56110° W');
  });
});
