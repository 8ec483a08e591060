import { beforeEach, describe, expect, it } from 'vitest';
import type { FileMetadata } from '../api/protocol/metadata';
import {
  currentTrack, getPlayer, jumpedTo, nextTrack, playQueue, playerClosed, positionSaved, previousTrack, reloadPlayerStoreForTests,
  removedFromQueue, repeatCycled, resetPlayerStore, shuffledOrder, shuffleToggled, trackEnded,
} from './player';

const track = (fileid: number): FileMetadata => ({
  name: `Track ${fileid}.mp3`, id: `f${fileid}`, isfolder: false, fileid, size: 1000, contenttype: 'audio/mpeg', hash: '1', category: 3,
  icon: 'audio', thumb: false, created: 'Mon, 01 Jan 2024 00:00:00 +0000', modified: 'Mon, 01 Jan 2024 00:00:00 +0000', ismine: true,
  isshared: false, parentfolderid: 5, artist: 'Someone', duration: '20.5',
});
const tracks = [1, 2, 3, 4].map(track);
const ids = () => currentTrack()?.fileid;

beforeEach(() => {
  resetPlayerStore();
});

describe('player queue', () => {
  it('plays the chosen track of a queue, then next and previous in order', () => {
    playQueue(tracks, 1, 'Music');
    expect(ids()).toBe(2);
    expect(getPlayer().playing).toBe(true);
    expect(getPlayer().source).toBe('Music');
    nextTrack();
    expect(ids()).toBe(3);
    previousTrack();
    previousTrack();
    expect(ids()).toBe(1);
    previousTrack(); // first track: stays, restarts
    expect(ids()).toBe(1);
  });

  it('stops at the end without repeat, wraps with repeat all, replays with repeat one', () => {
    playQueue(tracks, 3);
    trackEnded();
    expect(ids()).toBe(4);
    expect(getPlayer().playing).toBe(false);

    playQueue(tracks, 3);
    repeatCycled(); // all
    expect(getPlayer().repeat).toBe('all');
    trackEnded();
    expect(ids()).toBe(1);
    expect(getPlayer().playing).toBe(true);

    repeatCycled(); // one
    const before = getPlayer().restarts;
    trackEnded();
    expect(ids()).toBe(1);
    expect(getPlayer().restarts).toBe(before + 1);
    nextTrack(); // the Next button still moves on under repeat one
    expect(ids()).toBe(2);
    repeatCycled();
    expect(getPlayer().repeat).toBe('off');
  });

  it('shuffle visits every track once, starting with the current one', () => {
    playQueue(tracks, 2);
    shuffleToggled();
    const order = getPlayer().order;
    expect(order[0]).toBe(2);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    const seen = [ids()];
    for (let i = 0; i < 3; i++) {
      nextTrack();
      seen.push(ids());
    }
    expect(new Set(seen).size).toBe(4);
    shuffleToggled();
    expect(getPlayer().order).toEqual([0, 1, 2, 3]);
  });

  it('shuffledOrder is a permutation led by the given index', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const order = shuffledOrder(10, 4, random);
    expect(order[0]).toBe(4);
    expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('jumps to and removes tracks, keeping the current one playing', () => {
    playQueue(tracks, 0);
    jumpedTo(2);
    expect(ids()).toBe(3);
    removedFromQueue(0);
    expect(getPlayer().queue.map((t) => t.fileid)).toEqual([2, 3, 4]);
    expect(ids()).toBe(3);
    removedFromQueue(1); // the current track: the next one takes its place
    expect(ids()).toBe(4);
    expect(getPlayer().playing).toBe(true);
    removedFromQueue(1); // last and current, nothing after it: stop on the one before
    expect(ids()).toBe(2);
    expect(getPlayer().playing).toBe(false);
    removedFromQueue(0);
    expect(getPlayer().index).toBe(-1);
  });

  it('a reload restores the queue, track and position, paused', () => {
    playQueue(tracks, 1, 'Music');
    shuffleToggled();
    positionSaved(12.34);
    reloadPlayerStoreForTests();
    const s = getPlayer();
    expect(ids()).toBe(2);
    expect(s.playing).toBe(false);
    expect(s.position).toBeCloseTo(12.3, 1);
    expect(s.shuffle).toBe(true);
    expect(s.source).toBe('Music');
    // links are never stored, and nor is metadata the player does not use
    expect(localStorage.getItem('pcloud.player')).not.toMatch(/hosts|expires/);
  });

  it('a position saved for another track is not applied', () => {
    playQueue(tracks, 0);
    positionSaved(8);
    nextTrack();
    reloadPlayerStoreForTests();
    expect(ids()).toBe(2);
    expect(getPlayer().position).toBe(0);
  });

  it('closing forgets the queue', () => {
    playQueue(tracks, 0);
    playerClosed();
    expect(getPlayer().queue).toHaveLength(0);
    reloadPlayerStoreForTests();
    expect(getPlayer().index).toBe(-1);
  });
});
